# Python lets a thread's name change at any time: the thread renames itself, then the main thread does.
import threading


def download():
    me = threading.current_thread()
    print(f"started as {me.name}")
    me.name = "Downloader-1-busy"
    print(f"renamed itself to {me.name}")


worker = threading.Thread(target=download, name="Downloader-1")
worker.start()
worker.join()
worker.name = "Downloader-1-done"
print(f"after join the main thread renamed it to {worker.name}")
threading.current_thread().name = "Coordinator"
print(f"the main thread is now called {threading.current_thread().name}")
