# One ping-pong over a socketpair with each selector class, `with`, get_map, and the errors a wrong call raises.
import selectors
import socket
import types


def exercise(sel):
    a, b = socket.socketpair()
    with sel:
        print(type(sel).__name__)
        state = types.SimpleNamespace(name="a", sent=0, got=b"")
        sel.register(a, selectors.EVENT_READ | selectors.EVENT_WRITE, data=state)
        sel.register(b, selectors.EVENT_READ, data=types.SimpleNamespace(name="b", sent=0, got=b""))
        mapping = sel.get_map()
        print(" registered:", len(mapping), a in mapping, b.fileno() in mapping, list(mapping) == [a.fileno(), b.fileno()])
        rounds = 0
        while rounds < 10:
            rounds += 1
            ready = sel.select(1.0)
            for key, mask in sorted(ready, key=lambda item: item[0].data.name):
                data = key.data
                print(" round", rounds, data.name, "mask", mask)
                if mask & selectors.EVENT_WRITE and data.sent < 2:
                    data.sent += 1
                    key.fileobj.send(f"ping {data.sent}".encode())
                    if data.sent == 2:
                        sel.modify(key.fileobj, selectors.EVENT_READ, data)
                if mask & selectors.EVENT_READ:
                    data.got += key.fileobj.recv(100)
            if sel.get_key(b).data.got == b"ping 1ping 2":
                break
        print(" b got:", sel.get_key(b).data)
        print(" a key events:", sel.get_key(a).events, "idle:", sel.select(0))
        try:
            sel.register(a, selectors.EVENT_READ)
        except KeyError as e:
            print(" KeyError", "is already registered" in str(e))
        for events in (0, 4, -1):
            try:
                sel.register(a, events)
            except ValueError as e:
                print(" ValueError:", e)
        try:
            sel.unregister(999)
        except KeyError as e:
            print(" KeyError:", e)
        try:
            sel.get_key(998)
        except KeyError as e:
            print(" KeyError:", e)
        print(" unregister a:", sel.unregister(a).data)
        print(" left:", len(sel.get_map()))
    try:
        sel.get_key(b)
    except RuntimeError as e:
        print(" after with:", e)
    a.close()
    b.close()


exercise(selectors.EpollSelector())
exercise(selectors.PollSelector())
exercise(selectors.SelectSelector())
