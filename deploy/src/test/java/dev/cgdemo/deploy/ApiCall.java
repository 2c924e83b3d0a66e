package dev.cgdemo.deploy;

import java.net.URI;
import java.util.Optional;

/** One Kubernetes API request as RBAC sees it: API group, resource (with subresource), verb. */
record ApiCall(String group, String resource, String verb) {

    @Override
    public String toString() {
        return (group.isEmpty() ? "core" : group) + " " + resource + " " + verb;
    }

    /**
     * The RBAC view of an HTTP request to the API server; empty for non-resource paths (discovery,
     * /version), which every authenticated user may read.
     */
    static Optional<ApiCall> of(String method, String pathAndQuery) {
        URI uri = URI.create(pathAndQuery);
        String[] parts = uri.getPath().replaceAll("^/+", "").split("/");
        int at;
        String group;
        if (parts.length >= 3 && parts[0].equals("api")) {
            group = "";
            at = 2;
        } else if (parts.length >= 4 && parts[0].equals("apis")) {
            group = parts[1];
            at = 3;
        } else {
            return Optional.empty();
        }
        if (parts.length > at + 1 && parts[at].equals("namespaces")) {
            if (parts.length == at + 2) {
                return Optional.of(new ApiCall(group, "namespaces", verb(method, true, uri.getQuery())));
            }
            at += 2;
        }
        String resource = parts[at];
        boolean named = parts.length > at + 1;
        if (parts.length > at + 2) {
            resource = resource + "/" + parts[at + 2];
        }
        return Optional.of(new ApiCall(group, resource, verb(method, named, uri.getQuery())));
    }

    private static String verb(String method, boolean named, String query) {
        boolean watch = query != null && query.matches("(^|.*&)watch=(true|1)(&.*|$)");
        return switch (method.toUpperCase()) {
            case "GET" -> watch ? "watch" : named ? "get" : "list";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> named ? "delete" : "deletecollection";
            default -> method.toLowerCase();
        };
    }
}
