"""``clinic-app`` command line (contract in docs/cli.md; tests and evaluation scripts call it).

Exit codes: 0 success, 2 bad usage or bad input (one line on stderr, no traceback),
1 the models or the runtime failed (e.g. a model file that does not match its manifest).
"""

from __future__ import annotations

import argparse
import sys

from clinic_app.cli.commands import COMMANDS
from clinic_app.cli.common import EXIT_BAD_INPUT, EXIT_FAIL, UsageError
from clinic_app.cli.parser import build_parser


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        return _dispatch(args)
    except UsageError as exc:
        print(f"clinic-app: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("clinic-app: interrupted", file=sys.stderr)
        return EXIT_FAIL
    except (RuntimeError, OSError) as exc:  # model refused, runtime missing, disk full ...
        print(f"clinic-app: error: {exc}", file=sys.stderr)
        return EXIT_FAIL


def _dispatch(args: argparse.Namespace) -> int:
    if args.self_test:
        from clinic_app.ui.selftest import run_self_test

        return run_self_test(args.data_dir)
    if args.command is None:
        from clinic_app.ui.app import run_app

        return run_app(args.data_dir)
    return COMMANDS[args.command](args)
