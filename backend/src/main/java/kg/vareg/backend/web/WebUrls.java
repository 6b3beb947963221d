package kg.vareg.backend.web;

import java.net.URI;

/** Small URL helpers for the pages. */
final class WebUrls {
    private WebUrls() {}

    /** scheme://host[:port] of a URL, or "" when it is not an absolute http(s) URL. */
    static String origin(String url) {
        if (url == null || url.isBlank()) return "";
        try {
            URI u = URI.create(url.trim());
            if (u.getScheme() == null || u.getHost() == null || !u.getScheme().startsWith("http")) return "";
            return u.getScheme() + "://" + u.getHost() + (u.getPort() == -1 ? "" : ":" + u.getPort());
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
