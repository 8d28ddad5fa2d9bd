package io.twofold.mfa.app.faults;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** The multi-step journeys the scenarios repeat, over the round-robin client, failing over once when a node does not answer. */
final class Flows {
    /** A confirmed TOTP enrollment: the user, its seed, the recovery code it came with. */
    record Enrolled(String user, String secret, String recoveryCode) {
    }

    private final FaultClient client;

    Flows(FaultClient client) {
        this.client = client;
    }

    /** Password login; the {@code mfa_token}, or null when the login did not answer {@code mfa_required}. */
    String mfaToken(String user) {
        Answer answer = failover(node -> client.login(node, user));
        return answer.error().equals("mfa_required") ? answer.text("mfa_token") : null;
    }

    /**
     * Login, associate, confirm with the current code. The confirmation's answer is returned with the
     * enrollment (null when a step before it failed), so the caller knows whether it was acknowledged.
     */
    Attempt enrollTotp(String user) {
        String token = mfaToken(user);
        if (token == null) {
            return new Attempt(null, null);
        }
        Answer associated = failover(node -> client.associateOtp(node, token));
        if (!associated.ok()) {
            return new Attempt(null, null);
        }
        String secret = associated.text("secret");
        String recovery = associated.body().path("recovery_codes").path(0).asText();
        Answer confirmed = client.otp(client.pick(), token, FaultRig.totp(secret, Instant.now()));
        return new Attempt(new Enrolled(user, secret, recovery), confirmed);
    }

    /** An enrollment and the answer to its confirmation (null when it did not get that far). */
    record Attempt(Enrolled enrolled, Answer confirmation) {
        boolean acknowledged() {
            return confirmation != null && confirmation.ok();
        }
    }

    /** Sends to the next node; when that node does not answer at all (down), once more to the next one. */
    Answer failover(java.util.function.Function<Node, Answer> call) {
        Answer answer = call.apply(client.pick());
        return answer.noAnswer() ? call.apply(client.pick()) : answer;
    }

    /** Runs {@code request(i)} for i in 0..n-1 on n threads released at once; the answers in order. */
    static List<Answer> race(int n, IntFunction<Answer> request) {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Answer>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return request.apply(index);
                }));
            }
            ready.await();
            go.countDown();
            List<Answer> answers = new java.util.ArrayList<>();
            for (Future<Answer> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }
}
