{{/* Name of the operator's objects: "<release>-operator" (k8s/ uses release "cgdemo"). */}}
{{- define "cgd.operatorName" -}}
{{- printf "%s-operator" .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end }}

{{- define "cgd.commonLabels" -}}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/part-of: consumer-group-demo
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end }}

{{- define "cgd.operatorSelector" -}}
app.kubernetes.io/name: cgdemo-operator
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "cgd.kafkaSelector" -}}
app.kubernetes.io/name: kafka
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "cgd.kafkaNamespace" -}}
{{- .Values.kafka.namespace | default .Release.Namespace -}}
{{- end }}

{{/* The operator's default bootstrap servers: the value, else the chart's own Kafka. */}}
{{- define "cgd.bootstrapServers" -}}
{{- if .Values.operator.kafkaBootstrapServers -}}
{{- .Values.operator.kafkaBootstrapServers -}}
{{- else if .Values.kafka.enabled -}}
{{- printf "kafka.%s.svc:9092" (include "cgd.kafkaNamespace" .) -}}
{{- else -}}
{{- fail "operator.kafkaBootstrapServers is required when kafka.enabled=false (e.g. --set operator.kafkaBootstrapServers=my-kafka.kafka.svc:9092)" -}}
{{- end -}}
{{- end }}

{{/* Pod Security "restricted": the pod-level part. */}}
{{- define "cgd.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 1000
runAsGroup: 1000
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* "repository:tag" of an image value; the tag defaults to appVersion and must not be "latest". */}}
{{- define "cgd.image" -}}
{{- $tag := .image.tag | default .root.Chart.AppVersion -}}
{{- if eq $tag "latest" -}}
{{- fail (printf "%s.image.tag: \"latest\" makes Kubernetes pull from a registry (pull policy Always), and kind has none: use the tag you loaded, e.g. %s" .name .root.Chart.AppVersion) -}}
{{- end -}}
{{- printf "%s:%s" .image.repository $tag -}}
{{- end }}
