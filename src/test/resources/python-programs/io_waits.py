# Three threads block in calls that release the GIL: waiting for a child process, reading a pipe,
# receiving from a socket. None of them waits for the GIL while it is blocked.
import os
import socket
import subprocess
import threading

reader_end, writer_end = os.pipe()
here, there = socket.socketpair()
child = subprocess.Popen(["sleep", "0.6"])


def wait_for_child():
    print("ChildWaiter saw the child exit with", child.wait())


def read_pipe():
    print("PipeReader read", os.read(reader_end, 10))


def receive():
    print("SocketReader received", here.recv(10))


threads = [threading.Thread(target=wait_for_child, name="ChildWaiter")]
for thread in threads:
    thread.start()
threads[0].join()
threads = [threading.Thread(target=read_pipe, name="PipeReader"), threading.Thread(target=receive, name="SocketReader")]
for thread in threads:
    thread.start()
# the readers block until this answer; a child's run stands between, so they block long enough to be seen
subprocess.run(["sleep", "0.4"])
os.write(writer_end, b"pipe")
threads[0].join()
there.send(b"socket")
threads[1].join()
