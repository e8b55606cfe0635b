"""``python -m macros.components.examples``: print every example's HTML."""

import sys

from . import main

sys.exit(main())
