"""What the facilitator sees when the server starts: the addresses participants open, a QR
code of the first, where saved work goes, and the preheated kernels."""

from __future__ import annotations

import io
import ipaddress
import socket
import sys

from desmigratif_kit.core.store import DB_FILENAME
from desmigratif_kit.server.config import ServerOptions, kernel_pools


def _is_virtual(name: str) -> bool:
    return name.startswith(("docker", "br-", "veth", "virbr", "vmnet", "vboxnet", "lxc", "cni"))


def participant_urls(host: str, port: int) -> list[str]:
    """Addresses participants can open: every IPv4 address of this machine when bound to all
    interfaces (loopback only if it is the only one), else the given host."""
    if host not in ("0.0.0.0", "", "::"):
        shown = f"[{host}]" if ":" in host else host
        return [f"http://{shown}:{port}/"]
    import psutil

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


def banner(options: ServerOptions, urls: list[str]) -> str:
    """What the facilitator sees once the server listens (Indonesian, short English)."""
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
    pools = kernel_pools(options)
    out += "\n".join(
        [
            "",
            f"Buku catatan (notebooks): {options.notebooks}",
            f"Hasil kerja disimpan di (saved work): {options.workspace}",
            f"  berkas SQLite (SQLite file): {options.workspace / DB_FILENAME}",
            f"PIN fasilitator untuk Papan Hasil (facilitator PIN, results board): {options.pin}"
            if options.pin
            else "PIN fasilitator (facilitator PIN): -",
            "Kernel siap pakai (preheated kernels): "
            + ", ".join(f"{k} x{v['pool_size']}" for k, v in pools.items() if k != "default")
            if len(pools) > 1
            else "Kernel siap pakai (preheated kernels): tidak ada (none)",
            "Hentikan dengan Ctrl+C (stop with Ctrl+C).",
            "",
        ]
    )
    return out
