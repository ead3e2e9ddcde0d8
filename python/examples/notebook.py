# %% [markdown]
# # satstat in a notebook
#
# How does a weight-initialization scheme shape a neuron's pre-activation
# z = sum_j w_j x_j + b, and how many sigmoid units start saturated?
# Cells in the "# %%" format (Jupyter, VS Code and jupytext open them as a
# notebook); as a plain script it prints what the notebook would show:
#
#     python3 examples/notebook.py
#
# The numbers are those of the `satstat` program with the same options, bit
# for bit: the package calls the same C library.

# %%
import shutil

import numpy as np

import satstat

print("library:", satstat.library_path())

# %% [markdown]
# ## The seed experiment, smaller
# 1000 inputs of which 500 are on, N(0,1) bias; 'standard' (N(0,1) weights)
# against 'scaled' (N(0, 1/n_in)).  The formula says Var z = 501 and 1.5.

# %%
r = satstat.run(scheme="standard,scaled", samples=100_000, seed=1)
for s in r["schemes"]:
    print("%-9s Var z: formula %8.3f, sampled %8.3f;  saturated: %.4f (formula %.4f)" % (
        s["scheme"], s["analytic"]["variance"], s["empirical"]["variance"],
        s["empirical"]["saturated_fraction"], s["analytic"]["saturated_fraction"]))
print("every test passed:", r.passed)

# %% [markdown]
# ## The histogram of z, as numpy arrays

# %%
z = r.histograms[1]["z"]          # 'scaled'
mids = (z.edges[:-1] + z.edges[1:]) / 2
print("scaled: %d of %d samples within +-4" % (
    z.counts[np.abs(mids) < 4].sum(), z.total()))

# %% [markdown]
# ## A wrong claim fails, as it should
# Var z = 1 forgets the bias's variance.

# %%
claim = satstat.run(scheme="scaled", expect_variance=1.0, samples=100_000, seed=1)
print("Var z = 1 accepted:", claim.passed)

# %% [markdown]
# ## Refusals are exceptions carrying satstat's message

# %%
try:
    satstat.run(scheme="xavier_nromal")
except satstat.Error as e:
    print("satstat.Error:", e)

# %% [markdown]
# ## Ten tanh layers (mean-field theory beside sampled networks)

# %%
d = satstat.deep(activation="tanh", scheme="scaled", layers=10, width=200, networks=10)
for layer in d["schemes"][0]["layers"][::3]:
    print("layer %2d: Var z sampled %.4f, mean field %.4f" % (
        layer["layer"], layer["empirical"]["variance"], layer["analytic"]["variance"]))

# %% [markdown]
# ## Over the fan-in
# Var z grows with n_in under 'standard' and stays put under 'scaled'.

# %%
s = satstat.sweep(vary="n-in=10:10000:4:log", samples=20_000)
for p in s["points"]:
    print("n_in %6g:" % p["value"], "  ".join(
        "%s %.3g" % (x["scheme"], x["empirical"]["variance"]) for x in p["schemes"]))

# %% [markdown]
# ## Figures
# In Jupyter the last expression of a cell shows the report's figures
# inline (SVG through the program's own gnuplot scripts); it needs gnuplot.

# %%
if shutil.which("gnuplot"):
    fig = satstat.run(scheme="standard,scaled", samples=100_000, seed=1, figures=True,
                      figure_size="800x500")
    print("figures:", ", ".join(f.name for f in fig.figures))
    fig  # noqa: B018 -- Jupyter displays it
else:
    print("gnuplot is not on PATH: no figures")
