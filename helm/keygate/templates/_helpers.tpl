{{/*
Names and labels. Every named template here takes the keygate chart's own context: `.` inside this
chart, `.Subcharts.keygate` from an application chart that depends on keygate.
*/}}
{{- define "keygate.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "keygate.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "keygate.selectorLabels" -}}
app.kubernetes.io/name: {{ include "keygate.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "keygate.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "keygate.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "keygate.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "keygate.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* repository@digest when a digest pins the image, else repository:tag (default: the appVersion). */}}
{{- define "keygate.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{- define "keygate.envoyImage" -}}
{{- if .Values.envoy.image.digest }}
{{- printf "%s@%s" .Values.envoy.image.repository .Values.envoy.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.envoy.image.repository .Values.envoy.image.tag }}
{{- end }}
{{- end }}

{{/* Envoy's xff_num_trusted_hops counts proxies in front of Envoy; Keygate also counts Envoy's own append. */}}
{{- define "keygate.xffTrustedHops" -}}
{{- $hops := int .Values.trustedProxyHops }}
{{- if gt $hops 0 }}{{ add $hops 1 }}{{ else }}0{{ end }}
{{- end }}

{{/*
Environment of every Keygate container. Secrets only through secretKeyRef.
*/}}
{{- define "keygate.env" -}}
- name: KEYGATE_PORT
  value: {{ .Values.grpc.port | quote }}
- name: KEYGATE_LOG_FORMAT
  value: {{ .Values.logFormat | quote }}
{{- if .Values.migration.enabled }}
- name: KEYGATE_MIGRATE
  value: "false"
{{- end }}
- name: KEYGATE_DATABASE_URL
  value: {{ required "database.url is required (jdbc:postgresql://host:5432/db)" .Values.database.url | quote }}
{{- if .Values.database.userKey }}
- name: KEYGATE_DATABASE_USER
  valueFrom:
    secretKeyRef:
      name: {{ .Values.database.existingSecret }}
      key: {{ .Values.database.userKey }}
{{- else }}
- name: KEYGATE_DATABASE_USER
  value: {{ .Values.database.user | quote }}
{{- end }}
- name: KEYGATE_DATABASE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ required "database.existingSecret is required" .Values.database.existingSecret }}
      key: {{ .Values.database.passwordKey }}
- name: KEYGATE_DATABASE_POOL_SIZE
  value: {{ .Values.database.poolSize | quote }}
{{- if .Values.redis.existingSecret }}
- name: KEYGATE_REDIS_URL
  valueFrom:
    secretKeyRef:
      name: {{ .Values.redis.existingSecret }}
      key: {{ .Values.redis.urlKey }}
{{- if .Values.redis.passwordKey }}
- name: KEYGATE_REDIS_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.redis.existingSecret }}
      key: {{ .Values.redis.passwordKey }}
{{- end }}
- name: KEYGATE_REDIS_MODE
  value: {{ .Values.redis.mode | quote }}
- name: KEYGATE_REDIS_TIMEOUT_MS
  value: {{ .Values.redis.timeoutMs | quote }}
- name: KEYGATE_REDIS_MAX_QUEUED
  value: {{ .Values.redis.maxQueued | quote }}
{{- end }}
- name: KEYGATE_RATE_LIMIT_FAILURE
  value: {{ .Values.rateLimit.failureMode | quote }}
- name: KEYGATE_AUTH_FAILURE_LIMIT
  value: {{ .Values.rateLimit.authFailureLimit | quote }}
- name: KEYGATE_AUTH_FAILURE_WINDOW_SECONDS
  value: {{ .Values.rateLimit.authFailureWindowSeconds | quote }}
- name: KEYGATE_FLAGGED_LOOKUPS_PER_MINUTE
  value: {{ .Values.rateLimit.flaggedLookupsPerMinute | quote }}
- name: KEYGATE_CACHE_TTL_SECONDS
  value: {{ .Values.cache.ttlSeconds | quote }}
- name: KEYGATE_NEGATIVE_CACHE_TTL_SECONDS
  value: {{ .Values.cache.negativeTtlSeconds | quote }}
- name: KEYGATE_CACHE_MAX_ENTRIES
  value: {{ .Values.cache.maxEntries | quote }}
- name: KEYGATE_CHANGE_FEED
  value: {{ .Values.cache.changeFeed | quote }}
- name: KEYGATE_USAGE_FLUSH_SECONDS
  value: {{ .Values.usageFlushSeconds | quote }}
- name: KEYGATE_XFF_TRUSTED_HOPS
  value: {{ include "keygate.xffTrustedHops" . | quote }}
{{- if .Values.routes }}
- name: KEYGATE_ROUTES_FILE
  value: /etc/keygate/routes/routes.txt
{{- end }}
{{- if .Values.metrics.enabled }}
- name: KEYGATE_METRICS_ADDRESS
  value: {{ printf "0.0.0.0:%v" .Values.metrics.port | quote }}
{{- end }}
{{- if .Values.tracing.otlpEndpoint }}
- name: OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ .Values.tracing.otlpEndpoint | quote }}
- name: OTEL_SERVICE_NAME
  value: {{ .Values.tracing.serviceName | quote }}
{{- end }}
- name: JAVA_TOOL_OPTIONS
  value: {{ .Values.javaToolOptions | quote }}
{{- with .Values.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{- define "keygate.volumeMounts" -}}
- name: keygate-tmp
  mountPath: /tmp
{{- if .Values.routes }}
- name: keygate-routes
  mountPath: /etc/keygate/routes
  readOnly: true
{{- end }}
{{- end }}

{{/* Volumes the Keygate containers mount; application pods using the sidecar templates add these. */}}
{{- define "keygate.sidecarVolumes" -}}
- name: keygate-tmp
  emptyDir:
    sizeLimit: 64Mi
{{- if .Values.routes }}
- name: keygate-routes
  configMap:
    name: {{ include "keygate.fullname" . }}-routes
{{- end }}
{{- if .Values.envoy.enabled }}
- name: keygate-envoy
  configMap:
    name: {{ include "keygate.fullname" . }}-envoy
{{- end }}
{{- end }}

{{/*
gRPC probes: startup and liveness on the overall status (""), readiness on the service the container is
there for. Takes (dict "ctx" <the chart's context> "ready" <service name>).
*/}}
{{- define "keygate.grpcProbes" -}}
{{- $v := .ctx.Values }}
startupProbe:
  grpc:
    port: {{ $v.grpc.port }}
    service: ""
  periodSeconds: {{ $v.probes.startup.periodSeconds }}
  failureThreshold: {{ $v.probes.startup.failureThreshold }}
livenessProbe:
  grpc:
    port: {{ $v.grpc.port }}
    service: ""
  periodSeconds: {{ $v.probes.liveness.periodSeconds }}
  timeoutSeconds: {{ $v.probes.liveness.timeoutSeconds }}
  failureThreshold: {{ $v.probes.liveness.failureThreshold }}
readinessProbe:
  grpc:
    port: {{ $v.grpc.port }}
    service: {{ .ready | quote }}
  periodSeconds: {{ $v.probes.readiness.periodSeconds }}
  timeoutSeconds: {{ $v.probes.readiness.timeoutSeconds }}
  failureThreshold: {{ $v.probes.readiness.failureThreshold }}
{{- end }}

{{/*
The Keygate sidecar container: `keygate serve` on 127.0.0.1:<grpc.port>, for the pod's Envoy (ext_authz)
or application (Authorize). Include it under a pod's `containers:` with
  {{ include "keygate.sidecar" .Subcharts.keygate | nindent 8 }}
and add `include "keygate.sidecarVolumes"` under `volumes:`.
*/}}
{{- define "keygate.sidecar" -}}
- name: keygate
  image: {{ include "keygate.image" . }}
  imagePullPolicy: {{ .Values.image.pullPolicy }}
  args: ["serve"]
  ports:
    - name: keygate-grpc
      containerPort: {{ .Values.grpc.port }}
      protocol: TCP
    {{- if .Values.metrics.enabled }}
    - name: keygate-metrics
      containerPort: {{ .Values.metrics.port }}
      protocol: TCP
    {{- end }}
  env:
    - name: KEYGATE_HOST
      value: {{ .Values.sidecar.host | quote }}
    {{- include "keygate.env" . | nindent 4 }}
  {{- if not (has .Values.sidecar.host (list "127.0.0.1" "::1" "localhost")) }}
  {{- include "keygate.grpcProbes" (dict "ctx" . "ready" "keygate.v1.AuthorizerService") | nindent 2 }}
  {{- end }}
  resources:
    {{- toYaml .Values.sidecar.resources | nindent 4 }}
  securityContext:
    {{- toYaml .Values.securityContext | nindent 4 }}
  volumeMounts:
    {{- include "keygate.volumeMounts" . | nindent 4 }}
{{- end }}

{{/*
The same container as a Kubernetes native sidecar (>= 1.29): include it under `initContainers:`; it
starts before the application containers and stops after them.
*/}}
{{- define "keygate.nativeSidecar" -}}
{{- $container := include "keygate.sidecar" . | fromYamlArray | first }}
{{- $_ := set $container "restartPolicy" "Always" }}
{{- list $container | toYaml }}
{{- end }}

{{/*
Envoy in front of the application: listens on envoy.listenerPort, asks Keygate (ext_authz) and forwards
to the application on 127.0.0.1:<envoy.appPort>. Needs the keygate-envoy volume (keygate.sidecarVolumes).
*/}}
{{- define "keygate.envoy" -}}
- name: envoy
  image: {{ include "keygate.envoyImage" . }}
  args: ["-c", "/etc/envoy/envoy.yaml", "--log-level", "warn", "--disable-hot-restart"]
  ports:
    - name: http
      containerPort: {{ .Values.envoy.listenerPort }}
      protocol: TCP
  readinessProbe:
    tcpSocket:
      port: {{ .Values.envoy.listenerPort }}
    periodSeconds: 5
  resources:
    {{- toYaml .Values.envoy.resources | nindent 4 }}
  securityContext:
    {{- toYaml .Values.securityContext | nindent 4 }}
  volumeMounts:
    - name: keygate-envoy
      mountPath: /etc/envoy
      readOnly: true
{{- end }}
