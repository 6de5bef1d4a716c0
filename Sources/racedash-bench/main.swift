print("racedash-bench: pending")
