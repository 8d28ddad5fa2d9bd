package io.twofold.mfa.app.imports;

/** Hears about each user as the import finishes with it, in file order (index 0 first). */
public interface ImportListener {
    void inserted(int index);

    void updated(int index);

    void rejected(ImportRejection rejection);

    /** A listener that wants only the summary. */
    ImportListener NONE = new ImportListener() {
        @Override
        public void inserted(int index) {
        }

        @Override
        public void updated(int index) {
        }

        @Override
        public void rejected(ImportRejection rejection) {
        }
    };
}
