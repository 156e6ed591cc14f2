print("kpisheet")
