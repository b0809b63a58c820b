package io.catalyst.plugins.tasks;

import io.catalyst.api.host.Members.Member;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Finds the members a comment mentions: {@code @} followed by a member's email or full name, in any case. */
final class Mentions {

    private Mentions() {
    }

    static Set<Member> in(String text, List<Member> members) {
        Set<Member> found = new LinkedHashSet<>();
        if (text == null || text.indexOf('@') < 0) {
            return found;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (Member m : members) {
            if (mentions(lower, "@" + m.email().toLowerCase(Locale.ROOT), true)
                    || mentions(lower, "@" + m.name().toLowerCase(Locale.ROOT), false)) {
                found.add(m);
            }
        }
        return found;
    }

    // the mention must end where the name or address ends: "@ada" is not "@adam"
    private static boolean mentions(String text, String token, boolean email) {
        for (int at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
            boolean startsWord = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
            int end = at + token.length();
            boolean endsWord = end == text.length() || !continues(text.charAt(end), email)
                    || (email && text.charAt(end) == '.' && (end + 1 == text.length()
                    || !Character.isLetterOrDigit(text.charAt(end + 1))));
            if (startsWord && endsWord) {
                return true;
            }
        }
        return false;
    }

    private static boolean continues(char c, boolean email) {
        return Character.isLetterOrDigit(c) || (email && (c == '.' || c == '-' || c == '_'));
    }
}
