# Meaningful names, {Pool}-{Number}: each log line says which thread wrote it.
import logging
import sys
import threading

logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="%(threadName)s %(message)s")


def handle(request):
    logging.info("handled request %s", request)


for number in (1, 2, 3):
    # one at a time, so the log's order is fixed
    worker = threading.Thread(target=handle, args=(f"/page/{number}",), name=f"HTTP-Worker-{number}")
    worker.start()
    worker.join()
logging.info("all requests handled")
