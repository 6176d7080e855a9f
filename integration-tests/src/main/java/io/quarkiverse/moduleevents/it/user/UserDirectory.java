package io.quarkiverse.moduleevents.it.user;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The users, in memory. Inside a transaction a new user is stored when the transaction commits, as a database would,
 * so a rolled-back registration leaves no user behind.
 */
@ApplicationScoped
class UserDirectory {

    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final TransactionSynchronizationRegistry transactions;

    UserDirectory(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    User add(NewUser form) {
        User user = new User(UUID.randomUUID().toString(), form.name(), form.email());
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            users.put(user.id(), user);
            return user;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    users.put(user.id(), user);
                }
            }
        });
        return user;
    }

    Optional<User> find(String id) {
        return Optional.ofNullable(users.get(id));
    }
}
