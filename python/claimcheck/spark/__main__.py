"""``python -m claimcheck.spark``: the Spark job (see ``claimcheck.spark.job``)."""

import sys

from .job import main

sys.exit(main())
