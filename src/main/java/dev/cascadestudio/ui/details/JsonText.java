package dev.cascadestudio.ui.details;

import dev.cascadestudio.service.ControllerJson;

/** JSON as an administrator reads it: indented; text that is not JSON stays as it is. */
final class JsonText {

    private JsonText() {}

    static String pretty(String json) {
        return ControllerJson.pretty(json);
    }
}
