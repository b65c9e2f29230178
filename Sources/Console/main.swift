print("busops")
