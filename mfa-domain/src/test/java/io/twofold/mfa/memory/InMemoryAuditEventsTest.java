package io.twofold.mfa.memory;

import io.twofold.mfa.contract.AuditEventsContract;

class InMemoryAuditEventsTest extends AuditEventsContract {

    @Override
    protected Log newLog() {
        InMemoryAuditLog log = new InMemoryAuditLog();
        return new Log(log, log);
    }
}
