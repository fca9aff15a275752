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
{{/* Whether the sidecar templates run in edge mode: no database, the central Deployment feeds them. */}}
{{- define "keygate.edgeSidecars" -}}
{{- if and .Values.central.enabled (eq .Values.fleet.sidecarMode "edge") }}true{{ end }}
{{- end }}

{{/* The fleet token (KEYGATE_FLEET_TOKEN), for the central tier and its edge sidecars alike. */}}
{{- define "keygate.fleetTokenEnv" -}}
- name: KEYGATE_FLEET_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ required "fleet.tokenSecret is required in edge mode: an existing Secret holding the fleet token" .Values.fleet.tokenSecret }}
      key: {{ .Values.fleet.tokenKey }}
{{- end }}

{{/* The environment of a Keygate container on the database: the central Deployment, the migration Job, database-mode sidecars. */}}
{{- define "keygate.env" -}}
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
{{- if include "keygate.edgeSidecars" . }}
{{ include "keygate.fleetTokenEnv" . }}
{{- end }}
{{ include "keygate.commonEnv" . }}
{{- end }}

{{/* The environment of an edge sidecar: the central tier's address and the fleet token, no database at all. */}}
{{- define "keygate.edgeEnv" -}}
- name: KEYGATE_CENTRAL_ADDRESS
  value: {{ printf "%s.%s.svc:%v" (include "keygate.fullname" .) .Release.Namespace .Values.central.service.port | quote }}
{{- if .Values.central.tls.enabled }}
{{- if .Values.central.tls.clientAuth.enabled }}
{{- fail "central.tls.clientAuth requires a client certificate of every caller, and edge sidecars present none (the fleet token authenticates them): turn clientAuth off, or set fleet.sidecarMode: database" }}
{{- end }}
- name: KEYGATE_CENTRAL_TLS
  value: "true"
- name: KEYGATE_CENTRAL_CA_FILE
  value: /etc/keygate/central-ca/ca.crt
{{- end }}
{{ include "keygate.fleetTokenEnv" . }}
{{ include "keygate.commonEnv" . }}
{{- end }}

{{- define "keygate.commonEnv" -}}
- name: KEYGATE_PORT
  value: {{ .Values.grpc.port | quote }}
- name: KEYGATE_LOG_FORMAT
  value: {{ .Values.logFormat | quote }}
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
- name: KEYGATE_RATE_LIMIT_LEASING
  value: {{ .Values.rateLimit.leasing | quote }}
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
  value: {{ include "keygate.javaToolOptions" . | quote }}
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
{{- if and (include "keygate.edgeSidecars" .) .Values.central.tls.enabled }}
{{- /* Only the CA certificate: the central tier's private key never reaches an application pod. */}}
- name: keygate-central-ca
  secret:
    secretName: {{ .Values.fleet.centralCa.secretName | default (include "keygate.tlsSecretName" .) }}
    items:
      - key: {{ .Values.fleet.centralCa.key }}
        path: ca.crt
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
    {{- if include "keygate.edgeSidecars" . }}
    {{- include "keygate.edgeEnv" . | nindent 4 }}
    {{- else }}
    {{- include "keygate.env" . | nindent 4 }}
    {{- end }}
  {{- if not (has .Values.sidecar.host (list "127.0.0.1" "::1" "localhost")) }}
  {{- include "keygate.grpcProbes" (dict "ctx" . "ready" "keygate.v1.AuthorizerService") | nindent 2 }}
  {{- end }}
  resources:
    {{- toYaml .Values.sidecar.resources | nindent 4 }}
  securityContext:
    {{- toYaml .Values.securityContext | nindent 4 }}
  volumeMounts:
    {{- include "keygate.volumeMounts" . | nindent 4 }}
    {{- if and (include "keygate.edgeSidecars" .) .Values.central.tls.enabled }}
    - name: keygate-central-ca
      mountPath: /etc/keygate/central-ca
      readOnly: true
    {{- end }}
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

{{/*
TLS of the central Deployment (central.tls): the Secret mounted at /etc/keygate/tls — the one named, or the
one the chart's cert-manager Certificate writes.
*/}}
{{- define "keygate.tlsSecretName" -}}
{{- $tls := .Values.central.tls }}
{{- if $tls.secretName }}
{{- $tls.secretName }}
{{- else if $tls.certificate.issuerRef.name }}
{{- printf "%s-tls" (include "keygate.fullname" .) }}
{{- else }}
{{- fail "central.tls.enabled needs central.tls.secretName (an existing kubernetes.io/tls Secret) or central.tls.certificate.issuerRef.name (a cert-manager issuer: the chart then creates the Certificate)" }}
{{- end }}
{{- end }}

{{/* KEYGATE_TLS_* of the central container; files of the mounted Secrets, read again every reloadSeconds. */}}
{{- define "keygate.centralTlsEnv" -}}
{{- $tls := .Values.central.tls -}}
- name: KEYGATE_TLS_CERT_FILE
  value: /etc/keygate/tls/tls.crt
- name: KEYGATE_TLS_KEY_FILE
  value: /etc/keygate/tls/tls.key
{{- if $tls.clientAuth.enabled }}
- name: KEYGATE_TLS_CLIENT_CA_FILE
  {{- if $tls.clientAuth.caSecretName }}
  value: {{ printf "/etc/keygate/client-ca/%s" $tls.clientAuth.caKey | quote }}
  {{- else }}
  value: /etc/keygate/tls/ca.crt
  {{- end }}
{{- end }}
- name: KEYGATE_TLS_RELOAD_SECONDS
  value: {{ $tls.reloadSeconds | quote }}
{{- end }}

{{/*
Probes of the central container: gRPC health, or TCP when the port serves TLS (the kubelet's gRPC probes
connect in plaintext; a TCP probe completes no handshake and Keygate logs nothing for it).
*/}}
{{- define "keygate.centralProbes" -}}
{{- if .Values.central.tls.enabled -}}
startupProbe:
  tcpSocket:
    port: {{ .Values.grpc.port }}
  periodSeconds: {{ .Values.probes.startup.periodSeconds }}
  failureThreshold: {{ .Values.probes.startup.failureThreshold }}
livenessProbe:
  tcpSocket:
    port: {{ .Values.grpc.port }}
  periodSeconds: {{ .Values.probes.liveness.periodSeconds }}
  timeoutSeconds: {{ .Values.probes.liveness.timeoutSeconds }}
  failureThreshold: {{ .Values.probes.liveness.failureThreshold }}
readinessProbe:
  tcpSocket:
    port: {{ .Values.grpc.port }}
  periodSeconds: {{ .Values.probes.readiness.periodSeconds }}
  timeoutSeconds: {{ .Values.probes.readiness.timeoutSeconds }}
  failureThreshold: {{ .Values.probes.readiness.failureThreshold }}
{{- else -}}
{{- include "keygate.grpcProbes" (dict "ctx" . "ready" "keygate.v1.ApiKeyService") }}
{{- end }}
{{- end }}

{{/*
The JVM flags (javaToolOptions). A sidecar counting in Redis maps the image's archive trained with Redis
(/app/keygate-redis.jsa: Lettuce and its Netty archived too) instead of the in-process one.
*/}}
{{- define "keygate.javaToolOptions" -}}
{{- if .Values.redis.existingSecret -}}
{{- replace "/app/keygate.jsa" "/app/keygate-redis.jsa" .Values.javaToolOptions -}}
{{- else -}}
{{- .Values.javaToolOptions -}}
{{- end -}}
{{- end }}
