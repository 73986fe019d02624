# Same-day PyTorch reference for issue 8: the tutorial MLP and the CNN (docs/performance.md): /usr/bin/python3 scripts/pytorch-reference.py data/mnist
# Needs Debian's python3-torch (and libopenblas0-pthread, or it runs on the reference BLAS): /usr/bin/python3
# where another python3 (pyenv's) comes first in PATH.
import struct, time, sys
import numpy as np, torch, torch.nn as nn
torch.set_num_threads(2); torch.manual_seed(9)
d = sys.argv[1]
def idx(name):
    b = open(f"{d}/{name}", "rb").read()
    n = struct.unpack(">I", b[4:8])[0]
    return np.frombuffer(b, np.uint8, offset=16 if b[3] == 3 else 8)
x = torch.tensor(idx("train-images-idx3-ubyte").reshape(-1, 784) / 255.0, dtype=torch.float32)
y = torch.tensor(idx("train-labels-idx1-ubyte"), dtype=torch.long)
xt = torch.tensor(idx("t10k-images-idx3-ubyte").reshape(-1, 784) / 255.0, dtype=torch.float32)
yt = torch.tensor(idx("t10k-labels-idx1-ubyte"), dtype=torch.long)
m = nn.Sequential(nn.Linear(784, 512), nn.ReLU(), nn.Dropout(0.2), nn.Linear(512, 256), nn.ReLU(), nn.Dropout(0.2), nn.Linear(256, 10))
opt = torch.optim.Adam(m.parameters(), 1e-3, eps=1e-7); loss = nn.CrossEntropyLoss()
times = []
for epoch in range(3):
    m.train(); perm = torch.randperm(60000); t = time.perf_counter()
    for i in range(0, 60000, 128):
        j = perm[i:i+128]; opt.zero_grad(); l = loss(m(x[j]), y[j]); l.backward(); opt.step()
    times.append(time.perf_counter() - t)
m.eval()
with torch.no_grad():
    acc = (m(xt).argmax(1) == yt).float().mean().item()
    t = time.perf_counter()
    for i in range(2000): m(xt[i:i+1])
    b1 = 2000 / (time.perf_counter() - t)
    t = time.perf_counter()
    for r in range(3):
        for i in range(0, 9984, 256): m(xt[i:i+256])
    b256 = 3 * 9984 / (time.perf_counter() - t)
# The CNN of CnnFactory: three blocks of 3x3 convolution (no bias), batch norm, ReLU and 2x2 max pooling
# keeping the odd edge (28 -> 14 -> 7 -> 4), dense 128, dropout 0.25; one timed epoch, batch 128.
def block(cin, cout):
    return [nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(), nn.MaxPool2d(2, ceil_mode=True)]
cnn = nn.Sequential(*block(1, 32), *block(32, 64), *block(64, 128), nn.Flatten(), nn.Linear(4 * 4 * 128, 128), nn.ReLU(), nn.Dropout(0.25), nn.Linear(128, 10))
copt = torch.optim.Adam(cnn.parameters(), 1e-3); cnn.train(); perm = torch.randperm(60000); t = time.perf_counter()
for i in range(0, 60000, 128):
    j = perm[i:i+128]; copt.zero_grad(); l = loss(cnn(x[j].view(-1, 1, 28, 28)), y[j]); l.backward(); copt.step()
cnn_epoch = time.perf_counter() - t
print(f"torch {torch.__version__}: cnn epoch {cnn_epoch:.2f} s ({sum(p.numel() for p in cnn.parameters()):,} parameters)")
print(f"torch {torch.__version__}: epoch s {['%.2f' % s for s in times]} median {sorted(times)[1]:.2f}; batch1 {b1:,.0f} digits/s; batch256 {b256:,.0f} digits/s; test acc after 3 epochs {acc:.4f}")
