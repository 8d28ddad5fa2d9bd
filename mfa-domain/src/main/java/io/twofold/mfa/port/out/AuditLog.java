package io.twofold.mfa.port.out;

import io.twofold.mfa.model.AuditEvent;

/** Where security-relevant events go. Events never carry a secret. */
public interface AuditLog {

    /** Keeps the event (ids and outcomes only); a failure here fails the use case that recorded it. */
    void record(AuditEvent event);
}
