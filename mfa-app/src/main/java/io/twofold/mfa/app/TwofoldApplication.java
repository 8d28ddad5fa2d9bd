package io.twofold.mfa.app;

import io.micronaut.runtime.Micronaut;

/**
 * Starts the Twofold server. Everything is wired by hand in {@code io.twofold.mfa.app.wiring}; the
 * configuration comes from the {@code MFA_*} environment variables (see {@code application.yml}).
 */
public final class TwofoldApplication {

    private TwofoldApplication() {
    }

    public static void main(String[] args) {
        Micronaut.build(args)
                .mainClass(TwofoldApplication.class)
                .banner(false)
                .start();
    }
}
