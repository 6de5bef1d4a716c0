print("racedash")
