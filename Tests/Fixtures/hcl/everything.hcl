# comment
// another
/* block
   comment */
title = "esc \"q\" \t \u00e9 $${literal}"
count = -12.5e3
on    = true
none  = null
items = [1, "two", [3], { four = 4 },]
obj   = { a = 1, "b" = "x", c: var.y
  d = "${var.z}-suffix" }
ref   = data.aws_iam_policy_document.x.json
mod   = module.net.vpc_ids[0]
call  = jsonencode({ k = "v" })
cond  = var.env == "prod" ? "a" : "b"
loop  = [for s in var.list : upper(s)]
doc   = <<EOF
line ${var.x}
EOF
indented = <<-EOT
    keep
      nested
    EOT
block "one" two {
  inner = "v"
  nested { x = 1 }
}
