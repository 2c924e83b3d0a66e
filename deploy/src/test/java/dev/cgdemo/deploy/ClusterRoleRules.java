package dev.cgdemo.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** RBAC rules flattened to one {@link ApiCall} per (group, resource, verb), for exact comparison. */
final class ClusterRoleRules {

    private static final Pattern DECLARED_ROW = Pattern.compile("^\\s*\\*\\s+(\\S+)\\s+(\\S+)\\s+([a-z ]+?)\\s*(\\(.*\\))?$");

    private ClusterRoleRules() {
    }

    static Set<String> of(List<HasMetadata> objects, String clusterRoleName) {
        ClusterRole role = objects.stream()
                .filter(o -> o instanceof ClusterRole && o.getMetadata().getName().equals(clusterRoleName))
                .map(ClusterRole.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("no ClusterRole " + clusterRoleName));
        return flatten(role.getRules());
    }

    static Set<String> ofRole(List<HasMetadata> objects, String namespace, String roleName) {
        Role role = objects.stream()
                .filter(o -> o instanceof Role && o.getMetadata().getName().equals(roleName) && namespace.equals(o.getMetadata().getNamespace()))
                .map(Role.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("no Role " + namespace + "/" + roleName));
        return flatten(role.getRules());
    }

    private static Set<String> flatten(List<PolicyRule> rules) {
        Set<String> calls = new TreeSet<>();
        rules.forEach(rule -> rule.getApiGroups().forEach(group -> rule.getResources().forEach(resource ->
                rule.getVerbs().forEach(verb -> calls.add(new ApiCall(group, resource, verb).toString())))));
        return calls;
    }

    /**
     * The table of API use the operator declares in OperatorMain's Javadoc (or its cleanup command in CleanupCommand's) ("group resource verbs",
     * one row per resource); rows marked "(only with --leader-election)" are left out, as the
     * manifests run the operator without leader election, and so are rows marked "(only with --ui-actions"
     * unless {@code uiActions} (the chart's ui.actions) and rows marked "(only with --chaos" unless {@code withChaos}
     * (the chart's chaos.enabled).
     */
    static Set<String> declaredByOperator(String operatorMainSource) {
        return declaredByOperator(operatorMainSource, false, false);
    }

    static Set<String> declaredByOperator(String operatorMainSource, boolean uiActions, boolean withChaos) {
        String table = operatorMainSource.substring(operatorMainSource.indexOf("<pre>") + 5, operatorMainSource.indexOf("</pre>"));
        return table.lines()
                .map(line -> line.replace("\"\" (core)", "\"\""))
                .map(DECLARED_ROW::matcher)
                .filter(java.util.regex.Matcher::matches)
                .filter(row -> row.group(1).length() > 0 && !row.group(1).equals("group"))
                .filter(row -> row.group(4) == null || !row.group(4).contains("leader-election"))
                .filter(row -> uiActions || row.group(4) == null || !row.group(4).contains("--ui-actions"))
                .filter(row -> withChaos || row.group(4) == null || !row.group(4).contains("--chaos"))
                .flatMap(row -> {
                    String group = row.group(1).equals("\"\"") ? "" : row.group(1);
                    return java.util.Arrays.stream(row.group(3).trim().split("\\s+"))
                            .map(verb -> new ApiCall(group, row.group(2), verb).toString());
                })
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
