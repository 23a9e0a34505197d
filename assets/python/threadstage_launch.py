# ThreadStage starts a traced Python program with this file:
#     python3 threadstage_launch.py --channel unix:PATH [--output channel] -- PROGRAM.py [ARGS...]
# It is kept to syntax every Python can read, so an interpreter older than 3.8 reaches the
# version check below and exits with the status ThreadStage turns into its own message,
# instead of failing on syntax of the tracer it cannot parse.
import sys

TOO_OLD_STATUS = 86

if sys.version_info < (3, 8):
    sys.exit(TOO_OLD_STATUS)

import threadstage_tracer

threadstage_tracer.main(sys.argv[1:])
