package io.catalyst.demodata;

import java.nio.charset.StandardCharsets;

/**
 * Stable 64-bit seeds from text and numbers: FNV-1a over UTF-8, finished with SplitMix64's mixer. Unlike
 * {@code String.hashCode()} alone, this is 64 bits wide and defined here, so a seed is the same on every JVM.
 */
final class Seeds {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Seeds() {
    }

    /** A seed for the parts, in order; {@code ("a", "bc")} and {@code ("ab", "c")} differ. */
    static long of(Object... parts) {
        long h = FNV_OFFSET;
        for (Object part : parts) {
            for (byte b : String.valueOf(part).getBytes(StandardCharsets.UTF_8)) {
                h = (h ^ (b & 0xff)) * FNV_PRIME;
            }
            h = (h ^ 0x1f) * FNV_PRIME; // a separator no UTF-8 text contains
        }
        return mix(h);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
