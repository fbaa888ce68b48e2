// One ping-pong over a socketpair with each selector class, `with`, get_map, and the errors a wrong call raises.
import PySocket
import PyBuiltins


func exercise(_ sel: selectors.BaseSelector<socket, types.SimpleNamespace<(name: String, sent: Int, got: bytes)>>) throws {
    let (a, b) = try socket.socketpair()
    try sel.with { sel in
        print(type(sel).__name__)
        let state = types.SimpleNamespace((name: "a", sent: 0, got: "" as bytes))
        try sel.register(a, selectors.EVENT_READ | selectors.EVENT_WRITE, data: state)
        try sel.register(b, selectors.EVENT_READ, data: types.SimpleNamespace((name: "b", sent: 0, got: "" as bytes)))
        let mapping = sel.get_map()
        print(" registered:", len(mapping), mapping.contains(a), mapping.contains(b.fileno()), list(mapping) == [Int(a.fileno()), Int(b.fileno())])
        var rounds = 0
        while rounds < 10 {
            rounds += 1
            let ready = try sel.select(1.0)
            for (key, mask) in sorted(ready, key: { item in item.0.data!.name }) {
                let data = key.data!
                print(" round", rounds, data.name, "mask", mask)
                if mask & selectors.EVENT_WRITE != 0 && data.sent < 2 {
                    data.sent += 1
                    _ = try key.fileobj.send("ping \(data.sent)".encode())
                    if data.sent == 2 {
                        try sel.modify(key.fileobj, selectors.EVENT_READ, data)
                    }
                }
                if mask & selectors.EVENT_READ != 0 {
                    data.got += try key.fileobj.recv(100)
                }
            }
            if try sel.get_key(b).data!.got == "ping 1ping 2" {
                break
            }
        }
        print(" b got:", try sel.get_key(b).data)
        print(" a key events:", try sel.get_key(a).events, "idle:", try sel.select(0))
        do {
            try sel.register(a, selectors.EVENT_READ)
        } catch let e as KeyError {
            print(" KeyError", str(e).contains("is already registered"))
        }
        for events in [0, 4, -1] {
            do {
                try sel.register(a, events)
            } catch let e as ValueError {
                print(" ValueError:", e)
            }
        }
        do {
            try sel.unregister(999)
        } catch let e as KeyError {
            print(" KeyError:", e)
        }
        do {
            _ = try sel.get_key(998)
        } catch let e as KeyError {
            print(" KeyError:", e)
        }
        print(" unregister a:", try sel.unregister(a).data)
        print(" left:", len(sel.get_map()))
    }
    do {
        _ = try sel.get_key(b)
    } catch let e as RuntimeError {
        print(" after with:", e)
    }
    a.close()
    b.close()
}


try exercise(selectors.EpollSelector())
try exercise(selectors.PollSelector())
try exercise(selectors.SelectSelector())
