"""The SVG writer: paints a ``Drawing`` as a stable, byte-for-byte reproducible SVG file."""

from __future__ import annotations

from stretchguide.core.figures.drawing import PALETTE, Drawing, Ink

# --- SVG ---------------------------------------------------------------------------


def _n(x: float) -> str:
    """Short, stable number text, so regenerated SVGs compare byte for byte."""
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def svg_document(
    drawing_: Drawing,
    bounds: tuple[float, float, float, float],
    width: int,
    height: int,
    background: str | None = None,
    corner: float = 0.0,
    outline_cm: float = 1.3,
) -> str:
    """The drawing as a standalone SVG, laid out exactly like the Qt painter does."""
    pad = max(2.0, min(width, height) * 0.04)
    rw, rh = width - 2 * pad, height - 2 * pad
    bw = max(1e-6, bounds[2] - bounds[0])
    bh = max(1e-6, bounds[3] - bounds[1])
    k = min(rw / bw, rh / bh)
    ox = pad + (rw - bw * k) / 2 - bounds[0] * k
    oy = pad + (rh + bh * k) / 2 + bounds[1] * k
    ow = outline_cm * k

    def pt(uv: tuple[float, float]) -> tuple[float, float]:
        return (ox + uv[0] * k, oy - uv[1] * k)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">'
    ]
    if background is not None:
        out.append(
            f'<rect width="{width}" height="{height}" rx="{_n(corner)}" fill="{background}"/>'
        )
    defs: list[str] = []
    body: list[str] = []
    for i, s in enumerate(drawing_.shapes):
        pts = [pt(p) for p in s.points]
        if s.kind == "chain" and s.fill is not None and s.stroke is not None:
            for ink, extra in ((s.stroke, 2 * ow), (s.fill, 0.0)):
                for j, w in enumerate(s.widths):
                    (x1, y1), (x2, y2) = pts[j], pts[j + 1]
                    body.append(
                        f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" '
                        f'stroke="{PALETTE[ink]}" stroke-width="{_n(w * k + extra)}" '
                        f'stroke-linecap="round"/>'
                    )
        elif s.kind == "poly":
            fill = s.fill or Ink.PROP
            w = (s.widths[0] if s.widths else 0.0) * k
            coords = " ".join(f"{_n(x)},{_n(y)}" for x, y in pts)
            if s.stroke is not None and s.stroke is not fill:
                body.append(
                    f'<polygon points="{coords}" fill="{PALETTE[fill]}" '
                    f'stroke="{PALETTE[s.stroke]}" stroke-width="{_n(w + 2 * ow)}" '
                    f'stroke-linejoin="round"/>'
                )
            body.append(
                f'<polygon points="{coords}" fill="{PALETTE[fill]}" '
                f'stroke="{PALETTE[fill]}" stroke-width="{_n(max(w, 0.5))}" '
                f'stroke-linejoin="round"/>'
            )
        elif s.kind == "disc":
            (x, y) = pts[0]
            stroke = (
                f' stroke="{PALETTE[s.stroke]}" stroke-width="{_n(ow * 2)}"' if s.stroke else ""
            )
            body.append(
                f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(s.radius * k)}" '
                f'fill="{PALETTE[s.fill or Ink.PROP]}"{stroke}/>'
            )
        elif s.kind == "glow":
            (x, y) = pts[0]
            c = PALETTE[Ink.GLOW]
            defs.append(
                f'<radialGradient id="g{i}"><stop offset="0" stop-color="{c}" '
                f'stop-opacity="0.78"/><stop offset="0.55" stop-color="{c}" '
                f'stop-opacity="0.47"/><stop offset="1" stop-color="{c}" '
                f'stop-opacity="0"/></radialGradient>'
            )
            body.append(
                f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(s.radius * k)}" fill="url(#g{i})"/>'
            )
        elif s.kind == "line" and s.stroke is not None:
            clipped = [(min(max(x, 0.0), float(width)), y) for x, y in pts]
            coords = " ".join(f"{_n(x)},{_n(y)}" for x, y in clipped)
            w = (s.widths[0] if s.widths else 1.0) * k
            body.append(
                f'<polyline points="{coords}" fill="none" stroke="{PALETTE[s.stroke]}" '
                f'stroke-width="{_n(max(w, 0.5))}" stroke-linecap="round" '
                f'stroke-linejoin="round"/>'
            )
    if defs:
        out.append("<defs>" + "".join(defs) + "</defs>")
    out.extend(body)
    out.append("</svg>")
    return "\n".join(out) + "\n"
