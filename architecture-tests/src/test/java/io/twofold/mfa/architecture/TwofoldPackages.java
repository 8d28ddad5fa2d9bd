package io.twofold.mfa.architecture;

/**
 * The package layout the rules speak about, relative to a root package: the real code base uses
 * {@code io.twofold.mfa}, the fixture of deliberate violations uses its own root with the same layout.
 */
record TwofoldPackages(String root) {

    static final TwofoldPackages TWOFOLD = new TwofoldPackages("io.twofold.mfa");

    String all() {
        return root + "..";
    }

    String model() {
        return root + ".model..";
    }

    String error() {
        return root + ".error..";
    }

    String policy() {
        return root + ".policy..";
    }

    String portIn() {
        return root + ".port.in..";
    }

    String portOut() {
        return root + ".port.out..";
    }

    /** The use cases and their internal support (usecase.internal). */
    String service() {
        return root + ".usecase..";
    }

    String otp() {
        return root + ".otp..";
    }

    String secret() {
        return root + ".secret..";
    }

    /** The in-memory adapter: an adapter on the outbound ports that ships inside the domain module. */
    String memory() {
        return root + ".memory..";
    }

    String jdbc() {
        return root + ".jdbc..";
    }

    String http() {
        return root + ".http..";
    }

    String httpDelivery() {
        return root + ".http.delivery..";
    }

    String app() {
        return root + ".app..";
    }

    /** Everything outside the domain module: the two adapters and the application. */
    String[] outsideTheDomain() {
        return new String[] {jdbc(), http(), app()};
    }
}
