typedef int satstat__placeholder_rng;
