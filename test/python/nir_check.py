"""Read a .nir file with the real nir package and run it, for test/nest/norse-nir-real.test.ts.

    python test/python/nir_check.py FILE.nir [PROGRAM.py INPUT_NAME]

Prints one line `NIR {...}` (JSON) with:
  read      what nir.read made of the file: node types, every parameter as a list with its shape,
            edges, metadata (dt …)
  version   nir.serialization.read_version(FILE)
With a generated Norse program and the Python name of the network's input tensor in it:
  program   the program's own `response` (run unmodified as a fresh module on real Norse)
  from_nir  the outputs of norse.torch.from_nir(graph, dt=metadata dt), fed the program's input
            tensor one step at a time: {output node name: (T, N) list}
  euler     the outputs of a forward-Euler integration of NIR's own equations (written here from
            the NIR documentation, float64 numpy), the input held constant over each step of dt:
            {output node name: {"out": (T, N), "v": (T, N)}} for every node
"""
import json
import runpy
import sys
import warnings

warnings.filterwarnings("ignore")
import numpy as np  # noqa: E402
import nir  # noqa: E402


def plain(x):
    if isinstance(x, np.ndarray):
        return {"shape": list(x.shape), "dtype": str(x.dtype), "data": x.flatten().tolist()}
    if isinstance(x, (bytes, np.bytes_)):
        return x.decode("utf8")
    if isinstance(x, np.generic):
        return x.item()
    return x


def described(graph):
    nodes = {}
    for name, node in graph.nodes.items():
        d = node.to_dict()
        nodes[name] = {k: plain(v) for k, v in d.items() if k != "metadata"}
    return {"nodes": nodes, "edges": [list(e) for e in graph.edges], "metadata": {k: plain(v) for k, v in graph.metadata.items()}}


def topological(graph):
    order, seen = [], set()
    incoming = {n: [a for a, b in graph.edges if b == n] for n in graph.nodes}

    def visit(n):
        if n in seen:
            return
        seen.add(n)
        for a in incoming[n]:
            visit(a)
        order.append(n)

    for n in graph.nodes:
        visit(n)
    return order, incoming


def euler(graph, x, dt):
    """NIR's continuous equations, forward Euler with step dt, input held over the step."""
    order, incoming = topological(graph)
    T = x.shape[0]
    state = {}
    outs = {n: [] for n in graph.nodes}
    volts = {n: [] for n in graph.nodes}
    for t in range(T):
        value = {}
        for n in order:
            node = graph.nodes[n]
            if isinstance(node, nir.Input):
                value[n] = x[t].astype(np.float64)
                continue
            s = sum(value[a] for a in incoming[n])
            if isinstance(node, nir.Output):
                value[n] = s
            elif isinstance(node, nir.Linear):
                value[n] = node.weight.astype(np.float64) @ s
            elif isinstance(node, (nir.CubaLIF, nir.CubaLI)):
                i, v = state.get(n, (np.zeros_like(node.v_leak, dtype=np.float64), node.v_leak.astype(np.float64)))
                i = i + dt / node.tau_syn * (-i + node.w_in * s)
                v = v + dt / node.tau_mem * ((node.v_leak - v) + node.r * i)
                if isinstance(node, nir.CubaLIF):
                    z = (v > node.v_threshold).astype(np.float64)
                    v = np.where(z > 0, node.v_reset, v)
                    value[n] = z
                else:
                    value[n] = v
                state[n] = (i, v)
                volts[n].append(v.tolist())
            elif isinstance(node, nir.LIF):
                v = state.get(n, node.v_leak.astype(np.float64))
                v = v + dt / node.tau * ((node.v_leak - v) + node.r * s)
                z = (v > node.v_threshold).astype(np.float64)
                v = np.where(z > 0, node.v_reset, v)
                value[n] = z
                state[n] = v
                volts[n].append(v.tolist())
            else:
                raise ValueError(f"no Euler step for {type(node).__name__}")
            outs[n].append(np.asarray(value[n]).tolist())
    return {n: {"out": outs[n], "v": volts[n]} for n in graph.nodes if not isinstance(graph.nodes[n], nir.Input)}


def main():
    path = sys.argv[1]
    graph = nir.read(path)
    result = {"read": described(graph), "version": nir.serialization.read_version(path)}
    if len(sys.argv) > 3:
        import torch
        import norse.torch as norse

        program, input_name = sys.argv[2], sys.argv[3]
        scope = runpy.run_path(program, run_name="__main__")
        result["program"] = scope["response"]
        x = scope[input_name].detach()
        dt = float(graph.metadata["dt"])
        result["euler"] = euler(graph, x.numpy(), dt)
        try:
            model = norse.from_nir(graph, dt=dt)
            state = None
            outs = []
            with torch.no_grad():
                for t in range(x.shape[0]):
                    out, state = model(x[t], state)
                    outs.append(out)
            result["from_nir"] = {"output": torch.stack(outs).tolist()}
        except Exception as e:  # noqa: BLE001 -- reported, the test decides
            result["from_nir_error"] = f"{type(e).__name__}: {e}"
    print("NIR " + json.dumps(result))


if __name__ == "__main__":
    main()
