package io.catalyst.plugins.assistant;

import java.util.List;

/** Questions worth asking on the screen the user is on, as one-click starts. */
final class Suggestions {

    private Suggestions() {
    }

    static List<String> forScreen(String path) {
        String p = path == null ? "" : path;
        if (p.startsWith("plugins/dashboards/campaigns")) {
            return List.of("Which campaigns had the highest CPA in this period?",
                    "Which campaign brought the most revenue, and at what ROAS?",
                    "Which campaigns spent money without conversions?");
        }
        if (p.startsWith("plugins/dashboards/channels")) {
            return List.of("Which channel had the best ROAS in this period?",
                    "How did spend per channel change against the previous period?",
                    "Where did CPA rise the most?");
        }
        if (p.startsWith("plugins/dashboards")) {
            return List.of("What was my ROAS on Meta last month compared with the month before?",
                    "Why did revenue change against the previous period?",
                    "Which channel should get more budget?");
        }
        if (p.startsWith("plugins/alerts")) {
            return List.of("Which alerts are firing, and what do they mean?",
                    "Make a task for the most urgent alert");
        }
        if (p.startsWith("plugins/scoring")) {
            return List.of("Who are my hottest leads right now?", "Why did my top lead get its score?");
        }
        if (p.startsWith("plugins/tasks")) {
            return List.of("Which of my tasks are open?", "Create a task to review last week's CPA");
        }
        if (p.startsWith("plugins/recommendations")) {
            return List.of("How much did Meta spend in the last 30 days, by campaign?",
                    "Which campaigns are over our target CPA?");
        }
        return List.of("What was my ROAS on Meta last month compared with the month before?",
                "How much did we spend in the last 7 days, by channel?",
                "Which campaign had the lowest CPA in the last 30 days?");
    }
}
