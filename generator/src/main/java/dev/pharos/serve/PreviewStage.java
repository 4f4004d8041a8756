package dev.pharos.serve;

import dev.pharos.build.BuildContext;
import dev.pharos.build.BuildStage;
import dev.pharos.content.Page;
import java.util.Map;

/**
 * Marks a build as a preview: every page gets a {@code preview} variable, so the theme's
 * {@code partials/preview.peb} loads the live-reload script and the error overlay. Production builds never have it.
 */
final class PreviewStage implements BuildStage {

    /** The server-sent events stream the pages listen to. */
    static final String EVENTS_PATH = "/_pharos/dev/events";

    private static final Map<String, Object> PREVIEW = Map.of("events", EVENTS_PATH);

    @Override
    public String name() {
        return "preview";
    }

    @Override
    public void decorate(BuildContext context, Page page, String locale, Map<String, Object> model) {
        model.put("preview", PREVIEW);
    }
}
