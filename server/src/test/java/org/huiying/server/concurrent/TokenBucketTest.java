package org.huiying.server.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Test
    void aFullBucketLetsTheBurstThroughThenRefillsAtTheRate() {
        TokenBucket bucket = new TokenBucket(2, 3, nanos::get);
        assertThat(bucket.tryTake()).isTrue();
        assertThat(bucket.tryTake()).isTrue();
        assertThat(bucket.tryTake()).isTrue();
        assertThat(bucket.tryTake()).isFalse();
        nanos.addAndGet(500_000_000L); // half a second at 2/s: one token
        assertThat(bucket.tryTake()).isTrue();
        assertThat(bucket.tryTake()).isFalse();
    }

    @Test
    void anIdleBucketNeverHoldsMoreThanItsBurst() {
        TokenBucket bucket = new TokenBucket(10, 2, nanos::get);
        nanos.addAndGet(60_000_000_000L);
        assertThat(bucket.tryTake()).isTrue();
        assertThat(bucket.tryTake()).isTrue();
        assertThat(bucket.tryTake()).isFalse();
    }

    @Test
    void aRateOfZeroIsNoLimit() {
        TokenBucket bucket = new TokenBucket(0, 0, nanos::get);
        for (int i = 0; i < 1000; i++) {
            assertThat(bucket.tryTake()).isTrue();
        }
    }

    @Test
    void anEmptyBucketTellsHowLongUntilItsNextTokenAndWhenItIsFullAgain() {
        TokenBucket bucket = new TokenBucket(0.5, 2, nanos::get);
        assertThat(bucket.tryTake()).isTrue();
        assertThat(bucket.full()).isFalse();
        assertThat(bucket.tryTake()).isTrue();
        assertThat(bucket.untilNext()).isEqualTo(java.time.Duration.ofSeconds(2));
        nanos.addAndGet(1_500_000_000L);
        assertThat(bucket.untilNext()).isEqualTo(java.time.Duration.ofMillis(500));
        nanos.addAndGet(2_500_000_000L);
        assertThat(bucket.untilNext()).isZero();
        assertThat(bucket.full()).isTrue();
    }
}
