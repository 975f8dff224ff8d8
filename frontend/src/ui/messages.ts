/**
 * Element Plus toasts and confirm boxes with their styles. They are called as functions, so the on-demand
 * component resolver never sees them and their CSS would not load: import them from here, not from element-plus.
 */
import 'element-plus/es/components/message/style/css';
import 'element-plus/es/components/message-box/style/css';

export { ElMessage, ElMessageBox } from 'element-plus';
