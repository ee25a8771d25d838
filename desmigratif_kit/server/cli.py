"""Command line: ``desmigratif-kit serve`` (also ``python -m desmigratif_kit serve``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desmigratif_kit import server


class _HelpFormatter(argparse.ArgumentDefaultsHelpFormatter):
    """Shows each option's default, except for on/off flags: ``--verbose`` and ``--no-fork``
    are off unless given ("(default: True)" was their destination's value, not theirs)."""

    def _get_help_string(self, action):
        if isinstance(action, (argparse._StoreTrueAction, argparse._StoreFalseAction)):
            return action.help
        return super()._get_help_string(action)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="desmigratif-kit",
        description="Desmigratif Kit: alat lokakarya (workshop tools).",
    )
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH")
    serve = sub.add_parser(
        "serve",
        help="jalankan server lokakarya (run the workshop server)",
        description=(
            "Menjalankan server lokakarya: Voila mandiri atas folder notebooks/, beranda "
            "sebagai halaman pertama. (Runs the workshop server: standalone Voila over "
            "notebooks/, home page first; participants cannot run their own code.)"
        ),
        formatter_class=_HelpFormatter,
    )
    serve.add_argument(
        "--host",
        default=server.DEFAULT_HOST,
        help="alamat yang didengarkan; 0.0.0.0 = semua antarmuka (address to bind)",
    )
    serve.add_argument("--port", type=int, default=server.DEFAULT_PORT, help="port")
    _add_workspace(serve, "folder hasil kerja peserta (saved work)")
    serve.add_argument(
        "--notebooks",
        type=Path,
        default=None,
        help="folder buku catatan (notebooks folder; default: $DESMIGRATIF_NOTEBOOKS or the "
        "repository's notebooks/)",
    )
    serve.add_argument(
        "--pool",
        type=_non_negative,
        default=server.DEFAULT_POOL,
        help=f"kernel siap pakai untuk beranda {server.HOME_NOTEBOOK} (preheated kernels "
        "for the home page; 0 = none)",
    )
    serve.add_argument(
        "--app-pool",
        type=_non_negative,
        default=server.DEFAULT_APP_POOL,
        help="kernel siap pakai per aplikasi */app_*.ipynb (preheated kernels per app)",
    )
    serve.add_argument(
        "--lesson-pool",
        type=_non_negative,
        default=server.DEFAULT_LESSON_POOL,
        help="kernel siap pakai per buku catatan lain (pelajaran) (preheated kernels per "
        "lesson and any other notebook)",
    )
    serve.add_argument(
        "--max-participants",
        type=_positive,
        default=None,
        help="peserta sekaligus; bawaan dihitung dari memori laptop ini: "
        f"{server.default_max_participants()} (participants at once; default from memory)",
    )
    serve.add_argument(
        "--wave",
        type=_non_negative,
        default=server.DEFAULT_WAVE,
        help="peserta yang disiapkan saat fasilitator mengetik nomor buku catatan "
        "(participants a warm-up prepares for)",
    )
    serve.add_argument(
        "--cell-timeout",
        type=float,
        default=server.DEFAULT_CELL_TIMEOUT,
        help="batas waktu per sel, detik; 0 = tanpa batas (seconds per cell; 0 = none)",
    )
    serve.add_argument(
        "--cull-idle",
        type=float,
        default=server.DEFAULT_CULL_IDLE_MINUTES,
        help="menit sebelum kernel tanpa tab terbuka dimatikan (minutes before an idle "
        "kernel with no open tab is shut down)",
    )
    serve.add_argument(
        "--verbose",
        dest="quiet",
        action="store_false",
        help="tampilkan catatan lengkap di terminal, tidak hanya di berkas "
        "(full log on the terminal too, not only in the workspace's server.log)",
    )
    serve.add_argument(
        "--no-fork",
        dest="fork",
        action="store_false",
        help="mulai setiap kernel dengan cara biasa, bukan dari induk yang sudah hangat "
        "(start every kernel the usual way instead of forking a warm parent)",
    )
    serve.add_argument(
        "--pin",
        default=None,
        help="PIN fasilitator untuk Papan Hasil, 4-12 angka; bawaan: dibuat acak saat mulai "
        "(facilitator PIN for the results board; default: a random one at start)",
    )
    serve.add_argument(
        "--log-level",
        default="INFO",
        choices=["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"],
        help="log level",
    )
    backup = sub.add_parser(
        "backup",
        help="cadangkan hasil kerja peserta (back up saved work)",
        description=(
            "Menyalin berkas SQLite hasil kerja peserta ke berkas baru, aman walau server "
            "sedang berjalan. (Copies the participants' saved work to a new SQLite file, "
            "safely while the server runs.)"
        ),
        formatter_class=_HelpFormatter,
    )
    _add_workspace(backup, "folder hasil kerja (workspace folder)")
    backup.add_argument(
        "tujuan",
        type=Path,
        nargs="?",
        default=Path("cadangan"),
        help="berkas atau folder tujuan (destination file or folder)",
    )
    return parser


def _add_workspace(parser: argparse.ArgumentParser, help_text: str) -> None:
    parser.add_argument(
        "--workspace",
        type=Path,
        default=None,
        help=f"{help_text}; bawaan (default): ${server.ENV_WORKSPACE}, lalu ./workspace",
    )


def run_backup(args: argparse.Namespace) -> int:
    from desmigratif_kit.core.store import DB_FILENAME, Store

    source = server.default_workspace(args.workspace) / DB_FILENAME
    if not source.is_file():
        print(f"desmigratif-kit: tidak ada hasil kerja di {source} (no saved work there)",
              file=sys.stderr)  # fmt: skip
        return 1
    if not args.tujuan.suffix:
        args.tujuan.mkdir(parents=True, exist_ok=True)
    try:
        with Store(source) as store:
            target = store.backup(args.tujuan)
    except FileExistsError as err:
        print(f"desmigratif-kit: {err}", file=sys.stderr)
        return 1
    print(f"Cadangan tersimpan (backup written): {target}")
    return 0


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"harus >= 1 (must be >= 1): {text}")
    return value


def _non_negative(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"harus >= 0 (must be >= 0): {text}")
    return value


def options_from_args(args: argparse.Namespace) -> server.ServerOptions:
    kwargs = {}
    if args.notebooks is not None:
        kwargs["notebooks"] = args.notebooks
    return server.ServerOptions(
        host=args.host,
        port=args.port,
        workspace=args.workspace,
        pool=args.pool,
        app_pool=args.app_pool,
        cell_timeout=args.cell_timeout,
        cull_idle_minutes=args.cull_idle,
        log_level=args.log_level,
        fork=args.fork,
        lesson_pool=args.lesson_pool,
        max_participants=args.max_participants,
        wave=args.wave,
        quiet=args.quiet,
        pin=args.pin,
        **kwargs,
    )


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "backup":
        return run_backup(args)
    if args.command != "serve":
        parser.print_help()
        return 2
    try:
        options = options_from_args(args)
    except ValueError as err:
        parser.error(str(err))
    try:
        server.serve(options)
    except FileNotFoundError as err:
        print(f"desmigratif-kit: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
