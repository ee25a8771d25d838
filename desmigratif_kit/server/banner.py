"""What the facilitator sees when the server starts: the addresses participants open, a QR
code of the first, where saved work goes, and the preheated kernels."""

from __future__ import annotations

import io
import ipaddress
import socket
import sys
from collections.abc import Callable
from pathlib import Path

import psutil

from desmigratif_kit.core.store import DB_FILENAME
from desmigratif_kit.server.config import (
    PAGES_PER_PARTICIPANT,
    ServerOptions,
    all_notebooks,
    kernel_pools,
)


def _is_virtual(name: str) -> bool:
    return name.startswith(("docker", "br-", "veth", "virbr", "vmnet", "vboxnet", "lxc", "cni"))


def participant_urls(host: str, port: int) -> list[str]:
    """Addresses participants can open: every IPv4 address of this machine when bound to all
    interfaces (loopback only if it is the only one), else the given host."""
    if host not in ("0.0.0.0", "", "::"):
        shown = f"[{host}]" if ":" in host else host
        return [f"http://{shown}:{port}/"]
    found: list[tuple[int, str]] = []
    for name, addrs in psutil.net_if_addrs().items():
        for addr in addrs:
            if addr.family != socket.AF_INET:
                continue
            try:
                ip = ipaddress.IPv4Address(addr.address)
            except ValueError:
                continue
            if ip.is_loopback:
                rank = 9
            elif ip.is_link_local:
                rank = 5
            elif _is_virtual(name):
                rank = 3
            elif ip.is_private:
                rank = 0
            else:
                rank = 1
            found.append((rank, str(ip)))
    found.sort(key=lambda item: (item[0], ipaddress.IPv4Address(item[1])))
    usable = [ip for rank, ip in found if rank < 9] or [ip for _, ip in found] or ["127.0.0.1"]
    seen: list[str] = []
    for ip in usable:
        if ip not in seen:
            seen.append(ip)
    return [f"http://{ip}:{port}/" for ip in seen]


def qr_text(data: str) -> str:
    """A QR code of ``data`` drawn with text characters (for a terminal)."""
    import qrcode

    qr = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_L)
    qr.add_data(data)
    qr.make(fit=True)
    buf = io.StringIO()
    qr.print_ascii(out=buf, tty=False, invert=True)
    text = buf.getvalue()
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        # a console that cannot draw half blocks (e.g. cp1252): two characters per module
        rows = qr.get_matrix()
        text = "\n".join("".join("  " if m else "##" for m in row) for row in rows) + "\n"
    return text


def banner(
    options: ServerOptions,
    urls: list[str],
    pool_state: Callable[[str], tuple[int, int]] | None = None,
    log_file: Path | None = None,
) -> str:
    """What the facilitator sees once the server listens (Indonesian, short English):
    addresses, QR code, where work is saved, capacity, the notebooks to warm up by number
    (with ``pool_state(notebook) -> (ready, target)`` when the server runs)."""
    lines = [
        "",
        "=" * 64,
        "Desmigratif Kit: server lokakarya berjalan (workshop server running)",
        "=" * 64,
        "Peserta membuka alamat ini di peramban (participants open in a browser):",
        *[f"  {url}" for url in urls],
        "",
    ]
    out = "\n".join(lines)
    if urls:
        out += f"Pindai kode QR untuk {urls[0]} (scan the QR code):\n"
        out += qr_text(urls[0])
    total_gb = psutil.virtual_memory().total / 2**30
    lines = [
        "",
        f"Hasil kerja disimpan di (saved work): {options.workspace / DB_FILENAME}",
    ]
    if log_file is not None:
        lines.append(f"Catatan lengkap server (full log): {log_file}")
    lines.append(
        f"PIN fasilitator untuk Papan Hasil (facilitator PIN, results board): {options.pin}"
        if options.pin
        else "PIN fasilitator (facilitator PIN): -"
    )
    lines += [
        f"Kapasitas (capacity): {options.max_participants} peserta sekaligus, masing-masing "
        f"{PAGES_PER_PARTICIPANT} halaman terbuka (participants at once, "
        f"{PAGES_PER_PARTICIPANT} pages each); memori {total_gb:.0f} GB",
        "",
        "Sebelum meminta semua peserta membuka satu halaman, ketik nomornya lalu Enter:",
        f"kernel disiapkan untuk {options.wave} peserta (before asking the room to open a page,"
        " type its number and Enter).",
    ]
    pools = kernel_pools(options)
    for number, name in enumerate(all_notebooks(options.notebooks), start=1):
        if pool_state is not None:
            ready, target = pool_state(name)
            state = f"siap {ready}/{target}"
        else:
            state = f"siap {pools.get(name, {}).get('pool_size', 0)}"
        lines.append(f"  {number:>2}  {name}  ({state})")
    lines += [
        "Enter saja: tampilkan layar ini lagi (Enter: show this again). "
        "Ctrl+C: hentikan server (stop).",
        "",
    ]
    return out + "\n".join(lines)
