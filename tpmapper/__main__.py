"""`python -m tpmapper` is the same as the `tpmapper` command."""

from tpmapper.cli import main

raise SystemExit(main())
