"""Build a smaller ``libicudata.so.NN`` for the Linux bundle.

PySide6's Linux wheel ships ICU, and ``libQt6Core`` links it. Its data
library is one 31 MB symbol, ``icudtNN_dat``: an ICU "common data" package
of ~3900 items. Qt calls ICU for three things only (``nm -D`` on
libQt6Core): collation (``ucol_*``, QCollator), time zone names (``ucal_*``)
and legacy text encodings (``ucnv_*``, QStringConverter beyond UTF-8/16/32
and Latin-1), plus case mapping, whose tables are built into ``libicuuc``.

This keeps every item except
  * locale bundles (``de_CH.res``, ``coll/ja.res`` ...) of languages the app
    does not speak: ICU falls back to ``root`` for them, as it does for any
    locale it has no data for;
  * break-iterator dictionaries (Chinese/Japanese, Thai, Lao, Khmer,
    Burmese word breaking): Qt breaks text with its own tables;
  * multi-byte legacy converters (Shift-JIS, GB18030, Big5, EBCDIC DBCS
    ...), each 20 KB or more; every single-byte code page (ISO-8859-x,
    windows-125x, ~4 KB each) stays.

Run by packaging/stretchguide.spec; standalone for inspection:

    python packaging/trim_icu.py path/to/libicudata.so.73 out.so de es fr
"""

from __future__ import annotations

import re
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

# A locale bundle's item name: "de.res", "de_CH.res", "es_419.res",
# "coll/zh_Hant.res". Not matched: root.res, pool.res, supplementalData.res.
_LOCALE_ITEM = re.compile(r"^([a-z]{2,3})(?:_[A-Za-z0-9]+)*\.res$")
# Every tree keeps these whatever the language.
_ALWAYS = {"root.res", "pool.res", "res_index.res"}
_MAX_CONVERTER = 20_000
_ALIGN = 16


class TrimError(Exception):
    pass


def _elf_symbol(lib: bytes) -> tuple[str, int, int]:
    """Name, file offset and size of the one exported ``icudtNN_dat`` symbol."""
    if lib[:4] != b"\x7fELF" or lib[4] != 2 or lib[5] != 1:
        raise TrimError("not a 64-bit little-endian ELF file")
    (shoff,) = struct.unpack_from("<Q", lib, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", lib, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", lib, shoff + i * shentsize) for i in range(shnum)]
    for _name, sh_type, _f, _addr, off, size, link, _i, _a, entsize in sections:
        if sh_type != 11:  # SHT_DYNSYM
            continue
        strtab_off = sections[link][4]
        for pos in range(off, off + size, entsize):
            st_name, _info, _other, shndx, value, st_size = struct.unpack_from("<IBBHQQ", lib, pos)
            end = lib.index(b"\0", strtab_off + st_name)
            name = lib[strtab_off + st_name : end].decode()
            if re.fullmatch(r"icudt\d+_dat", name) and shndx != 0:
                # value is a virtual address; map it through its section.
                _n, _t, _fl, addr, sec_off, _s, _l, _inf, _al, _e = sections[shndx]
                return name, value - addr + sec_off, st_size
    raise TrimError("no icudtNN_dat symbol")


def _items(dat: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """The package header and its (name, data) items, in table order."""
    (header_size,) = struct.unpack_from("<H", dat, 0)
    if dat[2:4] != b"\xda\x27" or dat[12:16] != b"CmnD" or dat[8] != 0:
        raise TrimError("not a little-endian ICU common data package")
    (count,) = struct.unpack_from("<I", dat, header_size)
    toc = [struct.unpack_from("<II", dat, header_size + 4 + 8 * i) for i in range(count)]
    offsets = [data_off for _n, data_off in toc]
    if offsets != sorted(offsets):
        raise TrimError("items are not stored in table order")
    items = []
    for i, (name_off, data_off) in enumerate(toc):
        start = header_size + name_off
        name = dat[start : dat.index(b"\0", start)].decode("ascii")
        end = header_size + offsets[i + 1] if i + 1 < count else len(dat)
        items.append((name, dat[header_size + data_off : end]))
    return dat[:header_size], items


def keep_item(name: str, size: int, languages: set[str]) -> bool:
    """``name`` without the package prefix: "coll/de.res", "gb18030.cnv"."""
    base = name.rsplit("/", 1)[-1]
    if base.endswith(".dict"):
        return False
    if base.endswith(".cnv"):
        return size < _MAX_CONVERTER
    if base in _ALWAYS:
        return True
    match = _LOCALE_ITEM.match(base)
    return match is None or match.group(1) in languages


def _package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    names = bytearray()
    name_offsets = []
    table_size = 4 + 8 * len(items)
    for name, _data in items:
        name_offsets.append(table_size + len(names))
        names += name.encode("ascii") + b"\0"
    data_start = -(-(len(header) + table_size + len(names)) // _ALIGN) * _ALIGN - len(header)
    body = bytearray()
    table = bytearray(struct.pack("<I", len(items)))
    for (_name, data), name_off in zip(items, name_offsets, strict=True):
        table += struct.pack("<II", name_off, data_start + len(body))
        body += data + b"\0" * (-len(data) % _ALIGN)
    padding = b"\0" * (data_start - table_size - len(names))
    return header + bytes(table) + bytes(names) + padding + bytes(body)


def trim(src: Path, dest: Path, languages: set[str]) -> tuple[int, int, int, int]:
    """Write the smaller library to ``dest``; returns (items before, after,
    data bytes before, after)."""
    lib = src.read_bytes()
    symbol, offset, size = _elf_symbol(lib)
    header, items = _items(lib[offset : offset + size])
    prefix = items[0][0].split("/", 1)[0] + "/"
    kept = [
        (name, data)
        for name, data in items
        if keep_item(name.removeprefix(prefix), len(data), languages)
    ]
    # A small converter can be an extension of a big one it names inside
    # (windows-936 on ibm-1386): without its base it could never open.
    kept_names = {name for name, _d in kept}
    dropped = {
        name.removeprefix(prefix).removesuffix(".cnv").encode()
        for name, _d in items
        if name.endswith(".cnv") and name not in kept_names
    }
    kept = [
        (name, data)
        for name, data in kept
        if not (name.endswith(".cnv") and any(base in data for base in dropped))
    ]
    # ICU finds items by binary search over the names, so order must hold.
    if [n for n, _d in kept] != sorted(n for n, _d in kept):
        raise TrimError("item names are not sorted")
    dat = _package(header, kept)
    soname = src.name
    with tempfile.TemporaryDirectory() as tmp:
        blob = Path(tmp) / "icudata.dat"
        blob.write_bytes(dat)
        asm = Path(tmp) / "icudata.S"
        asm.write_text(
            f"\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, @object\n"
            f'\t.balign 16\n{symbol}:\n\t.incbin "{blob}"\n'
            f"\t.size {symbol}, .-{symbol}\n"
            '\t.section .note.GNU-stack,"",@progbits\n'
        )
        subprocess.run(
            ["cc", "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-o", str(dest), str(asm)],
            check=True,
        )
    # Read it back the way ICU will: same symbol, same items.
    back_symbol, back_off, back_size = _elf_symbol(dest.read_bytes())
    _h, back = _items(dest.read_bytes()[back_off : back_off + back_size])
    if back_symbol != symbol or back != [(n, d + b"\0" * (-len(d) % _ALIGN)) for n, d in kept]:
        raise TrimError("the written library does not read back")
    return len(items), len(kept), size, len(dat)


def main(argv: list[str]) -> int:
    if len(argv) < 3:
        print(__doc__)
        return 2
    before, after, size, new_size = trim(Path(argv[1]), Path(argv[2]), {"en", *argv[3:]})
    print(f"{before} -> {after} items, {size / 1e6:.1f} -> {new_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
