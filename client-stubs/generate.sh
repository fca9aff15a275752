#!/usr/bin/env bash
# Generates the Python, Go and Node client stubs from proto/src/main/proto, the one source of truth.
#
#   client-stubs/generate.sh            regenerate the committed stubs in place
#   client-stubs/generate.sh OUT_DIR    write them under OUT_DIR instead (the drift check diffs the two)
#
# Tools, all offline and pinned by what Debian bookworm and client-stubs/node/package-lock.json ship:
#   protoc 3.21.12 (protobuf-compiler), grpc_python_plugin 1.51.1 (protobuf-compiler-grpc),
#   protoc-gen-go 1.28.1 (protoc-gen-go), protoc-gen-go-grpc 1.33.3 (protoc-gen-go-grpc),
#   proto-loader-gen-types from @grpc/proto-loader 0.8.1 (npm ci in client-stubs/node).
# Generated files name these versions in their headers, so a different toolchain shows up as drift.
set -euo pipefail
export LC_ALL=C

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
protos="$here/../proto/src/main/proto"
out="${1:-$here}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

for tool in protoc grpc_python_plugin protoc-gen-go protoc-gen-go-grpc; do
  command -v "$tool" >/dev/null || { echo "generate.sh: $tool not found (see client-stubs/README.md)" >&2; exit 3; }
done
gen_types="$here/node/node_modules/.bin/proto-loader-gen-types"
if [[ ! -x "$gen_types" ]]; then
  command -v npm >/dev/null || { echo "generate.sh: npm not found (see client-stubs/README.md)" >&2; exit 3; }
  (cd "$here/node" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi

cd "$protos"
files=(keygate/v1/*.proto)

# Python: package keygate.v1 (messages *_pb2.py, services *_pb2_grpc.py) beside the keygate_client helper.
rm -rf "$out/python/keygate"
mkdir -p "$out/python"
protoc -I . --python_out="$out/python" --pyi_out="$out/python" \
  --grpc_python_out="$out/python" --plugin=protoc-gen-grpc_python="$(command -v grpc_python_plugin)" "${files[@]}"
touch "$out/python/keygate/__init__.py" "$out/python/keygate/v1/__init__.py"

# Go: package keygatev1 at <module>/keygate/v1, as go_package says.
rm -rf "$out/go/keygate"
mkdir -p "$out/go"
protoc -I . --go_out="$out/go" --go_opt=paths=source_relative \
  --go-grpc_out="$out/go" --go-grpc_opt=paths=source_relative "${files[@]}"

# Node: the .proto files (loaded at run time by @grpc/proto-loader) and TypeScript types for them.
rm -rf "$out/node/proto" "$out/node/gen"
mkdir -p "$out/node/proto/keygate/v1"
cp "${files[@]}" "$out/node/proto/keygate/v1/"
"$gen_types" --grpcLib=@grpc/grpc-js --longs=String --enums=String --defaults --oneofs \
  --includeComments -I . -O "$out/node/gen" "${files[@]}" >/dev/null
