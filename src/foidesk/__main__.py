import sys

from foidesk.cli import main

sys.exit(main())
