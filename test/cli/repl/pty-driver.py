"""Runs a command in a pseudo-terminal (python3's pty module, no native addon).

usage: python3 pty-driver.py COMMAND [ARG...]
       PTY_SIZE=80x24 python3 pty-driver.py …   (columns x rows; default 200x40)

Bytes written to this script's stdin are typed into the terminal; everything the
program writes to the terminal comes out on this script's stdout. Closing stdin does
not close the terminal (type Ctrl-D to end the program). Exits with the program's
exit code. Used by test/cli/repl/repl-pty.test.ts.
"""
import fcntl
import os
import pty
import select
import struct
import sys
import termios

argv = sys.argv[1:]
cols, rows = (int(n) for n in os.environ.get("PTY_SIZE", "200x40").split("x"))
pid, fd = pty.fork()
if pid == 0:
    # The child's stdin is the terminal: give it a size before the program starts.
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    os.execvp(argv[0], argv)

stdin_open = True
while True:
    watched = [fd] + ([0] if stdin_open else [])
    ready, _, _ = select.select(watched, [], [])
    if fd in ready:
        try:
            data = os.read(fd, 65536)
        except OSError:  # EIO: the program closed the terminal
            data = b""
        if not data:
            break
        os.write(1, data)
    if 0 in ready:
        data = os.read(0, 65536)
        if data:
            os.write(fd, data)
        else:
            stdin_open = False

_, status = os.waitpid(pid, 0)
sys.exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status))
