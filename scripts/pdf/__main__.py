"""``python -m scripts.pdf``: make the PDFs for a built site."""

import sys

from .build import main

sys.exit(main())
