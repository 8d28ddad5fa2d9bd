package io.twofold.mfa.memory;

import io.twofold.mfa.contract.UserAccountsContract;
import io.twofold.mfa.port.out.UserAccounts;
import io.twofold.mfa.port.out.UserDirectory;

class InMemoryUserAccountsTest extends UserAccountsContract {
    private InMemoryUserAccounts accounts;

    @Override
    protected UserAccounts newStore() {
        accounts = new InMemoryUserAccounts();
        return accounts;
    }

    @Override
    protected UserDirectory directory() {
        return accounts;
    }
}
