package io.twofold.mfa.port.out;

import io.twofold.mfa.model.AuditEvent;

/** Where security-relevant events go. Events never carry a secret. */
public interface AuditLog {

    void record(AuditEvent event);
}
