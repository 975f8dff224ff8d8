import { createApp } from 'vue';
import App from './App.vue';
import { installAuthFailureHandlers, router } from './router';
import { ElMessage } from './ui/messages';
import './style.css';

// grouping: many requests refused at once give one message, not a stack of them
installAuthFailureHandlers(router, (message) => void ElMessage.error({ message, grouping: true }));
createApp(App).use(router).mount('#app');
