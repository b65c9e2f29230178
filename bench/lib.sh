# Sourced by the bench scripts: the busops binary they measure.
# BUSOPS_BIN when set; otherwise a release build of this checkout, with any extra `swift build` flags given.
busops_binary() {
    if [[ -n "${BUSOPS_BIN:-}" ]]; then echo "$BUSOPS_BIN"; return; fi
    local root
    root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
    (cd "$root" && swift build -c release --product busops "$@" >&2)
    echo "$(cd "$root" && swift build -c release "$@" --show-bin-path)/busops"
}
