// ElMessage and ElMessageBox are called from code, so the template auto-import never sees them
// and their styles must be imported by hand.
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
