#!/usr/bin/env bash
# Brings Twilio's Voice JavaScript SDK (Apache-2.0; on the npm registry only, not on Maven Central) into
# the console's static files, pinned by version and checked against the registry's integrity hash, so the
# softphone never loads it from a CDN at run time. Run it to move to another version: change VERSION and
# INTEGRITY (npm view @twilio/voice-sdk@<version> dist.integrity), run, commit the result.
set -euo pipefail
VERSION=2.18.5
INTEGRITY='sha512-2/tw1IDAIn7j6yFDOln8p93v3aHIxNIN93JwL98cHIlbkSNeU/Jt9zGM/0TvDpNjo+k88lvAew4jgOjKlc9/KA=='

here="$(cd "$(dirname "$0")/.." && pwd)"
target="$here/src/main/resources/META-INF/resources/assets/vendor/twilio-voice-sdk"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "@twilio/voice-sdk@$VERSION" >/dev/null)
tarball="$work/twilio-voice-sdk-$VERSION.tgz"
actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
if [ "$actual" != "$INTEGRITY" ]; then
  echo "integrity mismatch for @twilio/voice-sdk@$VERSION: $actual" >&2
  exit 1
fi
tar -xzf "$tarball" -C "$work"
rm -rf "$target"
mkdir -p "$target"
cp "$work/package/dist/twilio.min.js" "$target/twilio.min.js"
cp "$work/package/LICENSE.md" "$target/LICENSE.md"
printf '@twilio/voice-sdk %s\n%s\n' "$VERSION" "$INTEGRITY" > "$target/VERSION"
echo "@twilio/voice-sdk $VERSION -> $target"
